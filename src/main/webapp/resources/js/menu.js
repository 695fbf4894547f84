/* On a narrow screen the header's menu folds behind the "Menu" button; this opens and closes it. */
document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('menuToggle');
    if (!button) {
        return;
    }
    var header = button.closest('.app-header');
    button.addEventListener('click', function () {
        var open = header.classList.toggle('menu-open');
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && header.classList.contains('menu-open')) {
            header.classList.remove('menu-open');
            button.setAttribute('aria-expanded', 'false');
            button.focus();
        }
    });
});

/*
 * What the pages need for screen readers and the keyboard that markup alone can't give:
 * - a form sent back refused: the focus goes to its first field in error (a screen reader then reads the field, its
 *   label and its message), while the error summary above the page (role=alert) is announced; each line of the
 *   summary is a link to its field, and following it puts the focus in the field, not only the page at it;
 * - fields required by a rule of the record (the label's asterisk) whose input PrimeFaces draws inside a wrapper (a
 *   date picker, a select menu): the form tags mark the wrapper (data-required), and the input inside is told
 *   aria-required, which the wrapper itself may not carry;
 * - PrimeFaces' select menus are named by their choice alone ("Choose…"): their label is added to the name;
 * - a date picker's button is named after its field ("Birth date: choose from a calendar"; on a phone PrimeFaces
 *   leaves it unnamed), in the page's language (main's data-choose-date);
 * - a page with more than one paged table: PrimeFaces names every table's pager "Pagination", so each gets the name
 *   of the heading above its table as well, and the landmarks can be told apart (again after an ajax update).
 */
(function () {
    var FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

    function focusableIn(element) {
        if (!element) {
            return null;
        }
        return element.matches(FOCUSABLE) ? element : element.querySelector(FOCUSABLE);
    }

    function fieldOf(id) {
        return focusableIn(document.getElementById(id));
    }

    function focusFirstError() {
        var summary = document.getElementById('errorSummary');
        if (!summary) {
            return;
        }
        var links = summary.querySelectorAll('a[data-field]');
        links.forEach(function (link) {
            link.addEventListener('click', function (event) {
                var field = fieldOf(link.getAttribute('data-field'));
                if (field) {
                    event.preventDefault();
                    field.focus();
                }
            });
        });
        var first = focusableIn(document.querySelector('main [aria-invalid="true"]'));
        for (var i = 0; !first && i < links.length; i++) {
            first = fieldOf(links[i].getAttribute('data-field'));
        }
        if (first) {
            first.focus();
        }
    }

    function markRequired() {
        document.querySelectorAll('[data-required="true"]').forEach(function (wrapper) {
            var field = wrapper.querySelector('[role="combobox"], input:not([type=hidden]):not([aria-hidden="true"])');
            if (field && field.getAttribute('aria-required') !== 'true') {
                field.setAttribute('aria-required', 'true');
            }
        });
    }

    function labelMenus() {
        document.querySelectorAll('label[id][for]').forEach(function (label) {
            var menu = document.getElementById(label.htmlFor);
            var names = label.id + ' ' + (menu ? menu.id : '');
            if (menu && menu.getAttribute('role') === 'combobox' && menu.classList.contains('ui-selectonemenu-label')
                    && menu.getAttribute('aria-labelledby') !== names) {
                menu.setAttribute('aria-labelledby', names);
            }
        });
    }

    function nameDatePickers() {
        var main = document.getElementById('main');
        var pattern = main && main.getAttribute('data-choose-date');
        if (!pattern) {
            return;
        }
        document.querySelectorAll('.ui-datepicker-trigger').forEach(function (button) {
            var input = button.parentElement && button.parentElement.querySelector('input');
            var element = input && input.labels && input.labels.length ? input.labels[0] : null;
            if (!element && input && input.getAttribute('aria-labelledby')) {
                element = document.getElementById(input.getAttribute('aria-labelledby').split(' ')[0]);
            }
            var label = element ? (element.querySelector('.ui-outputlabel-label') || element).textContent.trim() : '';
            var name = pattern.replace('{0}', label);
            if (label && button.getAttribute('aria-label') !== name) {
                button.setAttribute('aria-label', name);
            }
        });
    }

    function improveWidgets() {
        markRequired();
        labelMenus();
        nameDatePickers();
        namePagers();
    }

    function namePagers() {
        var pagers = document.querySelectorAll('main .ui-paginator[role="navigation"]');
        if (pagers.length < 2) {
            return;
        }
        var headings = document.querySelectorAll('main h2, main h3');
        pagers.forEach(function (pager) {
            var before = null;
            headings.forEach(function (heading) {
                if (heading.compareDocumentPosition(pager) & Node.DOCUMENT_POSITION_FOLLOWING) {
                    before = heading;
                }
            });
            if (before) {
                if (!pager.hasAttribute('data-pager-name')) {
                    pager.setAttribute('data-pager-name', pager.getAttribute('aria-label') || '');
                }
                var own = pager.getAttribute('data-pager-name');
                var name = (own ? own + ': ' : '') + before.textContent.trim();
                if (pager.getAttribute('aria-label') !== name) {
                    pager.setAttribute('aria-label', name);
                }
            }
        });
    }

    window.addEventListener('load', function () {
        improveWidgets();
        focusFirstError();
        // Again whenever PrimeFaces redraws a part of the page: an ajax update, or a date picker turning into its phone
        // form when the window narrows (which drops its button's name). Only attributes are set, so no loop.
        new MutationObserver(improveWidgets).observe(document.body,
                {childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label']});
    });
}());

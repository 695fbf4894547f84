package org.defensefund.tracker.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.defensefund.tracker.accounts.PasswordService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /account/forgot-password.xhtml}: asks for a reset link. The answer is the same whether or not
 * the address has an account, so the page can't be used to find out who has one.
 */
@Named
@RequestScoped
public class ForgotPasswordBacking {

    @NotBlank(message = "{login.email.required}")
    @Email(message = "{field.email.invalid}")
    @Size(max = 254, message = "{field.tooLong}")
    private String email;

    private boolean sent;

    @Inject
    private PasswordService passwords;

    public void send() {
        try {
            passwords.requestReset(email);
            sent = true;
        } catch (BusinessException e) {
            PageMessages.show(e, "forgot");
        }
    }

    public boolean isSent() {
        return sent;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}

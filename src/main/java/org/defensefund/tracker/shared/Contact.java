package org.defensefund.tracker.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The person to reach at an organization, with their e-mail and phone. Every part is optional. */
@Embeddable
public class Contact implements Serializable {

    private static final long serialVersionUID = 1L;

    @Size(max = 200, message = "{field.tooLong}")
    @Column(name = "contact_name", length = 200)
    private String name;

    @Email(message = "{field.email.invalid}")
    @Size(max = 254, message = "{field.tooLong}")
    @Column(length = 254)
    private String email;

    @Size(max = 40, message = "{field.tooLong}")
    @Pattern(regexp = "^[0-9+()./ x-]*$", message = "{field.phone.invalid}")
    @Column(length = 40)
    private String phone;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.trim();
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}

package org.defensefund.tracker.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A postal address, as a client's residence or a partner's office. Every part is optional. */
@Embeddable
public class Address implements Serializable {

    private static final long serialVersionUID = 1L;

    @Size(max = 200, message = "{field.tooLong}")
    @Column(length = 200)
    private String street;

    @Size(max = 100, message = "{field.tooLong}")
    @Column(length = 100)
    private String city;

    @Size(max = 50, message = "{field.tooLong}")
    @Column(length = 50)
    private String state;

    @Size(max = 20, message = "{field.tooLong}")
    @Column(name = "postal_code", length = 20)
    private String postalCode;

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    /** The address on one line, parts that are missing left out. */
    public String getOneLine() {
        StringBuilder line = new StringBuilder();
        for (String part : new String[] {getStreet(), getCity(), getState(), getPostalCode()}) {
            if (part != null && !part.isBlank()) {
                line.append(line.length() == 0 ? "" : ", ").append(part.trim());
            }
        }
        return line.toString();
    }
}

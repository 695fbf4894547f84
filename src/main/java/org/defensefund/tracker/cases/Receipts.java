package org.defensefund.tracker.cases;

import java.security.SecureRandom;

/**
 * Receipt numbers for referrals from the public form: eight random letters and digits in two groups
 * ("K7QM-4XRP"), without the look-alikes 0, O, 1 and I, so they read well over the phone. Random, not
 * counted: a receipt says nothing about how many referrals came before, and knowing one finds no other.
 */
public final class Receipts {

    /** Letters and digits without 0, O, 1, I: 32 symbols, so eight carry 40 random bits. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Receipts() {
    }

    /** A new random receipt number. */
    public static String next() {
        StringBuilder receipt = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                receipt.append('-');
            }
            receipt.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return receipt.toString();
    }
}

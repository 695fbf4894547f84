/**
 * Personal data encrypted at rest: the AES-GCM {@link org.defensefund.tracker.shared.pii.PiiCipher} with its
 * keyed hash, the key taken from the server's configuration ({@link org.defensefund.tracker.shared.pii.PiiKeySource}),
 * the JPA converters that encrypt an entity's attribute in its column, and the keys kept wrapped by the master key with
 * Google Tink: each client's own key ({@link org.defensefund.tracker.shared.pii.Keyring}), the fund's keys
 * ({@link org.defensefund.tracker.shared.pii.FundKeys}) and the master key's rotation
 * ({@link org.defensefund.tracker.shared.pii.MasterKeyRotation}).
 */
package org.defensefund.tracker.shared.pii;

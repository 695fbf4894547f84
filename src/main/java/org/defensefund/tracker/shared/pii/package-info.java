/**
 * Personal data encrypted at rest: the AES-GCM {@link org.defensefund.tracker.shared.pii.PiiCipher} with its
 * keyed hash, the key taken from the server's configuration ({@link org.defensefund.tracker.shared.pii.PiiKeySource}),
 * and the JPA converters that encrypt an entity's attribute in its column.
 */
package org.defensefund.tracker.shared.pii;

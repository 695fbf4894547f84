package org.defensefund.tracker.audit;

/** One entry to append: when (UTC, to the microsecond, as text), who, what, which record, old and new values as JSON. */
record AuditRecord(String occurredAt, String actor, AuditAction action, String recordType, String recordId,
                   String oldValues, String newValues) {

    /** The entry's hash: SHA-256 over the previous entry's hash and every field, one per line. */
    String hash(String previousHash) {
        String content = String.join("\n", previousHash, occurredAt, actor, action.name(), recordType, recordId,
                oldValues == null ? "" : oldValues, newValues == null ? "" : newValues);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

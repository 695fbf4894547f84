package org.defensefund.tracker.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;
import java.io.Serializable;

/**
 * One word of a client's names in the search index ({@link NameWords} writes them; queries only read
 * this mapping, to find clients by the words of their names).
 */
@Entity
@ReadOnly
@Table(name = "client_name_word")
@IdClass(ClientNameWord.Key.class)
public class ClientNameWord implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The index's key: the word and the client. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String word;
        private Long clientId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(word, key.word) && java.util.Objects.equals(clientId, key.clientId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(word, clientId);
        }
    }

    @Id
    @Column(name = "word", length = NameWords.MAX_WORD)
    private String word;

    @Id
    @Column(name = "client_id")
    private Long clientId;

    protected ClientNameWord() {
    }

    public String getWord() {
        return word;
    }

    public Long getClientId() {
        return clientId;
    }
}

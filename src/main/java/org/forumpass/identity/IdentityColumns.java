package org.forumpass.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.forumpass.identity.IdentityRecords.FullIdentity;

/**
 * The document columns of a delegate export asked for with {@code includeIdentity=true} (the export is audited
 * as EXPORT_IDENTITY). The export's query left-joins the rows ({@link #JOIN}, {@link #SELECT}); each is decrypted here.
 */
@ApplicationScoped
public class IdentityColumns {
    public static final List<String> HEADER = List.of("documentType", "documentNumber", "issuingCountry", "nationality",
            "documentExpiresOn", "dateOfBirth");
    public static final String JOIN = " left join IdentityDocument d on d.registrationId = r.id";
    public static final String SELECT = ", r.id, d.nonce, d.ciphertext";

    @Inject
    IdentityService identities;

    /** The cells of one row: empty when the delegate gave no document. */
    public List<Object> cells(Object registrationId, Object nonce, Object ciphertext) {
        if (nonce == null) {
            return Arrays.asList("", "", "", "", "", "");
        }
        FullIdentity doc = identities.open((Long) registrationId, (byte[]) nonce, (byte[]) ciphertext);
        return Arrays.asList(doc.documentType().name(), doc.number(), doc.issuingCountry(), doc.nationality(), doc.expiresOn(),
                doc.dateOfBirth());
    }
}

package org.forumpass.visa;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event's visa letter settings: whether letters are issued, who issues and signs them, and the purpose of the visit. */
@Entity
@Table(name = "visa_letter_settings")
public class VisaLetterSettings extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public Long eventId;
    public boolean enabled;
    @Column(name = "issuer_name_en")
    public String issuerNameEn;
    @Column(name = "issuer_name_zh")
    public String issuerNameZh;
    @Column(name = "issuer_address_en")
    public String issuerAddressEn;
    @Column(name = "issuer_address_zh")
    public String issuerAddressZh;
    public String signatory;
    @Column(name = "signatory_title_en")
    public String signatoryTitleEn;
    @Column(name = "signatory_title_zh")
    public String signatoryTitleZh;
    @Column(name = "purpose_en")
    public String purposeEn;
    @Column(name = "purpose_zh")
    public String purposeZh;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

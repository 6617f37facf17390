package org.forumpass.form;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.forumpass.common.BaseEntity;

/**
 * One answer of one delegate. The type is kept with it, so the answer reads back the same after its field has
 * left the form; a MULTI_CHOICE answer is a JSON array of option values, a BOOLEAN "true" or "false".
 */
@Entity
@Table(name = "registration_answer")
public class RegistrationAnswer extends BaseEntity {
    @Column(name = "registration_id")
    public Long registrationId;
    @Column(name = "field_key")
    public String key;
    @Column(name = "field_type")
    public String type;
    public String answer;

    static List<RegistrationAnswer> ofRegistration(Long registrationId) {
        return list("registrationId = ?1 order by id", registrationId);
    }
}

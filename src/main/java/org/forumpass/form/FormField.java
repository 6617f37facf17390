package org.forumpass.form;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.forumpass.common.BaseEntity;

/** One field of an event's form; {@code options} holds the options as JSON. */
@Entity
@Table(name = "event_form_field")
public class FormField extends BaseEntity {
    @Column(name = "event_id")
    public Long eventId;
    public int position;
    @Column(name = "field_key")
    public String key;
    @Column(name = "field_type")
    public String type;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "label_zh")
    public String labelZh;
    @Column(name = "help_en")
    public String helpEn;
    @Column(name = "help_zh")
    public String helpZh;
    public boolean required;
    /** Comma-separated category names; null when required for nobody in particular. */
    @Column(name = "required_for")
    public String requiredFor;
    public String options;
    @Column(name = "max_length")
    public Integer maxLength;

    static List<FormField> ofEvent(Long eventId) {
        return list("eventId = ?1 order by position", eventId);
    }
}

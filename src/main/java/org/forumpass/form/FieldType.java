package org.forumpass.form;

/** What a form field asks for; decides how an answer is checked, stored and shown. */
public enum FieldType {
    TEXT, LONG_TEXT, CHOICE, MULTI_CHOICE, DATE, BOOLEAN, COUNTRY, EMAIL, PHONE;

    public boolean hasOptions() {
        return this == CHOICE || this == MULTI_CHOICE;
    }

    public boolean hasLength() {
        return this == TEXT || this == LONG_TEXT;
    }

    /** The longest answer a field of this type takes when the form does not say, and the most it may say. */
    public int defaultMaxLength() {
        return this == LONG_TEXT ? 2000 : 200;
    }

    public int maxMaxLength() {
        return this == LONG_TEXT ? 4000 : 1000;
    }
}

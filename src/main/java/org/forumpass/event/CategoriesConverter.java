package org.forumpass.event;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of categories in one column, e.g. "DIPLOMATIC,GOVERNMENT"; NULL stays null ("no restriction"). */
@Converter
public class CategoriesConverter implements AttributeConverter<Set<Category>, String> {
    @Override
    public String convertToDatabaseColumn(Set<Category> set) {
        if (set == null) {
            return null;
        }
        return set.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Category> convertToEntityAttribute(String s) {
        if (s == null) {
            return null;
        }
        if (s.isBlank()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(Category.class));
        }
        EnumSet<Category> set = EnumSet.noneOf(Category.class);
        Arrays.stream(s.split(",")).map(String::trim).map(Category::valueOf).forEach(set::add);
        return Collections.unmodifiableSet(set);
    }
}

package io.github.junitxdist.config;

import io.github.junitxdist.api.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;

/** Splits a string of command-line arguments on whitespace, honouring single and double quotes. */
final class CommandLineSplitter {

    private CommandLineSplitter() {}

    static List<String> split(String key, String value) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new InvalidConfigurationException(
                    "Invalid value '%s' for configuration parameter %s: unclosed %s quote; expected JVM arguments separated by whitespace, quoted with \" or ' where they contain spaces"
                            .formatted(value, key, quote));
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return args;
    }
}

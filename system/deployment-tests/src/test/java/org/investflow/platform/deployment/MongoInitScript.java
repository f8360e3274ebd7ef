package org.investflow.platform.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/mongo/init-users.js}, which the mongo image runs once on an empty data directory: the
 * database accounts it creates, one line each ({@code { user: 'intake', db: 'investflow_intake',
 * passwordVariable: 'MONGO_INTAKE_PASSWORD' }}).
 */
final class MongoInitScript {

    static final String FILE = "deploy/mongo/init-users.js";

    private static final Pattern ACCOUNT = Pattern.compile(
            "\\{\\s*user:\\s*'([^']+)',\\s*db:\\s*'([^']+)',\\s*passwordVariable:\\s*'([^']+)'\\s*}");

    /** One database user: its name, the one database it may use, and the variable holding its password. */
    record Account(String user, String database, String passwordVariable) {
    }

    private MongoInitScript() {
    }

    static String text() {
        return Repository.text(Repository.file(FILE));
    }

    static List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        Matcher account = ACCOUNT.matcher(text());
        while (account.find()) {
            accounts.add(new Account(account.group(1), account.group(2), account.group(3)));
        }
        return accounts;
    }

    static Optional<Account> accountFor(String database) {
        return accounts().stream().filter(account -> account.database().equals(database)).findFirst();
    }
}

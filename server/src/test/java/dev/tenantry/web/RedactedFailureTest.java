package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedactedFailureTest {

    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    @DisplayName("issue 7 (low): a database failure is logged without its bound values")
    void databaseFailureLosesEveryMessageButKeepsClassesAndState() {
        SQLException sql = new SQLException(
                "Value too long for column \"EMAIL\": 'kelley@contoso.example' [INSERT ... ]", "22001", 22001);
        RuntimeException wrapped = new IllegalStateException(
                new RuntimeException("statement failed: arguments {email: kelley@contoso.example}", sql));

        String logged = printed(RedactedFailure.of(wrapped));

        assertThat(printed(wrapped)).contains("kelley@contoso.example");
        assertThat(logged)
                .doesNotContain("kelley@contoso.example")
                .contains("java.lang.IllegalStateException")
                .contains("java.sql.SQLException: SQLState 22001")
                .contains("RedactedFailureTest");
    }

    @Test
    void otherFailuresAreLoggedAsTheyAre() {
        IllegalStateException e = new IllegalStateException("no renderer");

        assertThat(RedactedFailure.of(e)).isSameAs(e);
    }
}

package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ServiceBusyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseRacesTest {

    @ParameterizedTest
    @ValueSource(strings = {"40P01", "40001", "55P03", "57014", "08006"})
    @DisplayName("issue 7.5: a deadlock, serialization failure or timeout is a 503 with Retry-After, never a 500")
    void transientStatesAreBusy(String state) {
        DomainException answer = DatabaseRaces.of(fromJdbi(state));

        assertThat(answer).isInstanceOf(ServiceBusyException.class);
        assertThat(Failures.statusOf(answer)).isEqualTo(503);
        assertThat(((ServiceBusyException) answer).retryAfter()).isPositive();
        assertThat(answer.code()).isEqualTo(WebError.DATABASE_BUSY.value());
    }

    @Test
    @DisplayName("issue 7.5: no pooled connection in time is a 503 too")
    void poolTimeoutIsBusy() {
        DomainException answer = DatabaseRaces.of(new IllegalStateException(
                new SQLTransientConnectionException("tenantry - Connection is not available")));

        assertThat(answer).isInstanceOf(ServiceBusyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23503", "23505"})
    @DisplayName("issue 7.5: a constraint broken by a concurrent change is a 409 that says to read again")
    void integrityViolationsAreConflicts(String state) {
        DomainException answer = DatabaseRaces.of(fromJdbi(state));

        assertThat(Failures.statusOf(answer)).isEqualTo(409);
        assertThat(answer.code()).isEqualTo(WebError.CONCURRENT_CHANGE.value());
        assertThat(answer.getMessage()).contains("Read it again and retry");
    }

    @Test
    @DisplayName("a value too long, a null or a check no validation caught, or anything else, stays a fault: a 500")
    void otherFailuresAreFaults() {
        assertThat(DatabaseRaces.of(fromJdbi("22001"))).isNull();
        assertThat(DatabaseRaces.of(fromJdbi("23502"))).isNull();
        assertThat(DatabaseRaces.of(fromJdbi("23514"))).isNull();
        assertThat(DatabaseRaces.of(new IllegalStateException("a bug"))).isNull();
        assertThat(DatabaseRaces.of(new UnableToExecuteStatementException(new SQLException("no state"), null)))
                .isNull();
    }

    private static RuntimeException fromJdbi(String state) {
        return new UnableToExecuteStatementException(new SQLException("reason", state), null);
    }
}

package dev.tenantry.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Issue 14: port 443 when the process may bind it (MSAL's cache keys need a port-less URL), else a free port. */
class Port443Test {

    private static boolean mayBind443() {
        return Port443Probe.whyNot("127.0.0.1") == null;
    }

    @Test
    void forbiddenAlwaysServesOnAFreePort() {
        TenantryExtension server =
                TenantryExtension.builder().port443(Port443.FORBIDDEN).build().start();
        try {
            assertThat(server.baseUrl()).matches("https://localhost:\\d+").isNotEqualTo("https://localhost:443");
        } finally {
            server.stop();
        }
    }

    @Test
    void byDefaultItServesOn443WhenThisProcessMayBindItAndOnAFreePortOtherwise() {
        boolean may = mayBind443();
        TenantryExtension server = TenantryExtension.builder().build().start();
        try {
            if (may) {
                assertThat(server.baseUrl()).isEqualTo("https://localhost");
            } else {
                assertThat(server.baseUrl()).matches("https://localhost:\\d+");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void requiredFailsWithTheReasonAndTheFixWhen443CannotBeBound() throws Exception {
        // hold 443 when this process could bind it, so that it cannot; otherwise it cannot anyway
        try (ServerSocket holder = new ServerSocket()) {
            if (mayBind443()) {
                holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 443));
            }
            TenantryExtension server =
                    TenantryExtension.builder().port443(Port443.REQUIRED).build();

            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port 443 is required")
                    .hasMessageContaining("cap_net_bind_service");
        }
    }
}

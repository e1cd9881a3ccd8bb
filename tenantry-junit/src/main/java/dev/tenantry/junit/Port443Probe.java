package dev.tenantry.junit;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether this process can bind port 443 now, and whether a start failed because it could not. */
final class Port443Probe {

    private Port443Probe() {}

    /** Null when {@code host}:443 can be bound now; else why not. */
    static String whyNot(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 443));
            return null;
        } catch (IOException e) {
            return "binding " + host + ":443 failed (" + e.getMessage()
                    + "): it needs root or CAP_NET_BIND_SERVICE, and no other process on it";
        }
    }

    /** Whether {@code failure} is a failure to bind the port, wherever in its causes. */
    static boolean isBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}

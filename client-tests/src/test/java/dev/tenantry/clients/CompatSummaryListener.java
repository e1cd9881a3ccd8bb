package dev.tenantry.clients;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the port-443 summary line at the end of the run, registered through {@code META-INF/services}. */
public final class CompatSummaryListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        CompatReport.printSummary();
    }
}

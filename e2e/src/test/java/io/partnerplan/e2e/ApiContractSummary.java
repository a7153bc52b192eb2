package io.partnerplan.e2e;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import io.partnerplan.platform.testing.Repository;

/**
 * Prints at the end of the end-to-end run how many answers were held to docs/openapi.yaml, and
 * writes the details (operations not exercised, violations) to e2e/target/api-contract.txt.
 */
public class ApiContractSummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (ApiContract.RESPONSES.get() == 0) {
            return;
        }
        ApiContract.writeReport(Repository.root().resolve("e2e/target/api-contract.txt"));
        ApiContract contract = ApiContract.document();
        System.out.printf("API contract: %d responses and %d request bodies checked against docs/openapi.yaml, "
                        + "%d of %d operations exercised, %d violations (details: e2e/target/api-contract.txt)%n",
                ApiContract.RESPONSES.get(), ApiContract.REQUEST_BODIES.get(), ApiContract.EXERCISED.size(),
                contract.operationCount(), ApiContract.VIOLATIONS.size());
    }
}

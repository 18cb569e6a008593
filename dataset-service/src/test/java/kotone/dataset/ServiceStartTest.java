package kotone.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kotone.testsupport.DatabaseServiceStartTest;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class ServiceStartTest extends DatabaseServiceStartTest {

    @Override
    protected String schema() {
        return "dataset";
    }
}

package kotone.eval;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kotone.testsupport.DatabaseServiceStartTest;
import kotone.testsupport.TestDatabase;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class ServiceStartTest extends DatabaseServiceStartTest {

    @Override
    protected String schema() {
        return "eval";
    }
}

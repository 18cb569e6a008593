package kotone.eval.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import kotone.core.catalog.Catalog;
import kotone.core.derive.ProfileDerivation;

public class DomainBeans {

    @Produces
    @Singleton
    Catalog catalog() {
        return Catalog.standard();
    }

    @Produces
    @Singleton
    ProfileDerivation profileDerivation(Catalog catalog) {
        return new ProfileDerivation(catalog);
    }

    @Produces
    @Singleton
    HttpClient httpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
    }
}

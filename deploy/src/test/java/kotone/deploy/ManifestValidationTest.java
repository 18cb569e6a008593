package kotone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment descriptions agree with the Kubernetes API and with the services they deploy. */
class ManifestValidationTest {

    /** Service name in the manifests, its module, its port. */
    record ServiceModule(String name, String module, int port) {
    }

    static final List<ServiceModule> SERVICES = List.of(new ServiceModule("gateway", "gateway", 8080),
            new ServiceModule("interpreter", "interpreter-service", 8081), new ServiceModule("scoring", "scoring-service", 8082),
            new ServiceModule("eval", "eval-service", 8083), new ServiceModule("dataset", "dataset-service", 8084));

    /** Variables the JVM or the platform reads rather than application.properties. */
    static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "OTEL_EXPORTER_OTLP_ENDPOINT", "PORT");

    @Test
    void everyManifestParsesStrictlyIntoTheKubernetesModel() throws IOException {
        List<Path> files = Manifests.resourceFiles();
        assertThat(files).isNotEmpty();
        int resources = 0;
        for (Path file : files) {
            resources += Manifests.read(Files.readString(file), Manifests.ROOT.relativize(file).toString()).size();
        }
        assertThat(resources).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theStrictReadingRefusesAFieldTheApiDoesNotKnow() {
        String typo = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n    - port: 80\n      targetPrt: 8080\n";
        assertThatThrownBy(() -> Manifests.read(typo, "typo.yaml")).hasMessageContaining("targetPrt");
    }

    @Test
    void overlaysRender(@TempDir Path work) throws Exception {
        String kustomize = kustomizeCommand();
        if (kustomize == null && "true".equals(System.getenv("CI"))) {
            Assertions.fail("neither kustomize nor kubectl is on the PATH, and CI must render the overlays (.ci/run installs kubectl)");
        }
        Assumptions.assumeTrue(kustomize != null, "neither kustomize nor kubectl is on the PATH: see docs/OPERATIONS.md for the check by hand");
        copy(Manifests.K8S, work);
        for (String example : List.of("gateway-keys", "db")) {
            Path dir = work.resolve("overlays/dev/secrets");
            Files.copy(dir.resolve(example + ".env.example"), dir.resolve(example + ".env"));
        }
        for (String overlay : List.of("dev", "prod")) {
            String rendered = render(kustomize, work.resolve("overlays/" + overlay));
            List<HasMetadata> resources = Manifests.read(rendered, overlay);
            List<String> kinds = resources.stream().map(HasMetadata::getKind).toList();
            assertThat(kinds).contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ConfigMap");
            assertThat(resources).allMatch(resource -> resource.getMetadata().getNamespace() != null || resource.getKind().equals("Namespace"));
            if (overlay.equals("dev")) {
                assertThat(kinds).contains("StatefulSet", "Secret");
            } else {
                assertThat(kinds).doesNotContain("StatefulSet", "Secret");
                Deployment gateway = (Deployment) resources.stream().filter(r -> r.getKind().equals("Deployment") && r.getMetadata().getName().equals("gateway"))
                        .findFirst().orElseThrow();
                assertThat(gateway.getSpec().getReplicas()).isEqualTo(3);
                assertThat(gateway.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).startsWith("registry.example.com/");
            }
        }
    }

    @Test
    void portsProbesVariablesAndSecretKeysAgreeWithEachService() throws IOException {
        List<HasMetadata> base = baseResources();
        Map<String, String> config = configMapData(base);
        for (ServiceModule service : SERVICES) {
            Set<String> known = propertyVariables(service.module());
            Deployment deployment = find(base, Deployment.class, service.name());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts().get(0).getContainerPort()).as(service.name() + " port").isEqualTo(service.port());
            assertThat(defaultPort(service.module())).as(service.module() + " application.properties port").isEqualTo(service.port());
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            // health and metrics are on the management port, which the application's own default names
            int management = defaultManagementPort(service.module());
            assertThat(container.getPorts()).anyMatch(port -> "management".equals(port.getName()) && port.getContainerPort() == management);
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
            assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("prometheus.io/port", String.valueOf(management));
            for (EnvVar env : container.getEnv()) {
                assertThat(known).as(service.name() + " reads " + env.getName()).contains(env.getName());
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(env.getName());
                }
            }
            io.fabric8.kubernetes.api.model.Service svc = find(base, io.fabric8.kubernetes.api.model.Service.class, service.name());
            assertThat(svc.getSpec().getPorts().get(0).getPort()).isEqualTo(service.port());
        }
        Set<String> anyService = new HashSet<>(PLATFORM_VARIABLES);
        for (ServiceModule service : SERVICES) {
            anyService.addAll(propertyVariables(service.module()));
        }
        assertThat(anyService).as("every ConfigMap key is read by some service").containsAll(config.keySet());
    }

    @Test
    void everythingRunsAsNonRootWithoutPrivilegeOnAReadOnlyRoot() throws IOException {
        List<HasMetadata> all = new ArrayList<>();
        for (Path file : Manifests.resourceFiles()) {
            all.addAll(Manifests.read(Files.readString(file), file.toString()));
        }
        for (HasMetadata resource : all) {
            PodSpec pod = resource instanceof Deployment d ? d.getSpec().getTemplate().getSpec()
                    : resource instanceof StatefulSet s ? s.getSpec().getTemplate().getSpec() : null;
            if (pod == null) {
                continue;
            }
            String name = resource.getMetadata().getName();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            for (Container container : pod.getContainers()) {
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
            }
        }
        String dockerfile = Files.readString(Manifests.ROOT.resolve("deploy/docker/Dockerfile.jvm"));
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).isNotIn("0", "root");
    }

    @Test
    void onlyTheGatewayTakesTrafficFromOutsideAndOnlyTheServicesWithStateReachPostgres() throws IOException {
        List<HasMetadata> base = baseResources();
        for (ServiceModule service : SERVICES) {
            NetworkPolicy policy = find(base, NetworkPolicy.class, service.name());
            boolean fromAnywhere = policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom() == null || rule.getFrom().isEmpty());
            assertThat(fromAnywhere).as(service.name() + " takes traffic from anywhere").isEqualTo(service.name().equals("gateway"));
            boolean postgres = policy.getSpec().getEgress().stream().anyMatch(rule -> rule.getPorts() != null
                    && rule.getPorts().stream().anyMatch(port -> port.getPort() != null && port.getPort().getIntVal() != null && port.getPort().getIntVal() == 5432));
            // the gateway keeps its audit log there, eval and dataset their state; interpreter and scoring hold none
            assertThat(postgres).as(service.name() + " may reach PostgreSQL").isEqualTo(Set.of("gateway", "eval", "dataset").contains(service.name()));
        }
        assertThat(find(base, NetworkPolicy.class, "default-deny").getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    }

    @Test
    void dockerComposeNamesTheSamePortsAndVariables() throws IOException {
        JsonNode compose = Manifests.YAML.readTree(Manifests.ROOT.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.path("services");
        assertThat(services.has("postgres")).isTrue();
        assertThat(services.has("jaeger")).isTrue();
        for (ServiceModule service : SERVICES) {
            JsonNode node = services.path(service.name());
            assertThat(node.isMissingNode()).as("compose service " + service.name()).isFalse();
            Set<String> known = new HashSet<>(propertyVariables(service.module()));
            known.addAll(PLATFORM_VARIABLES);
            node.path("environment").fieldNames().forEachRemaining(name -> assertThat(known).as(service.name() + " reads " + name).contains(name));
            assertThat(node.path("environment").path("PORT").asText()).isEqualTo(String.valueOf(service.port()));
            assertThat(node.path("healthcheck").path("test").toString()).contains("/q/health/ready");
        }
        assertThat(services.path("gateway").path("ports").get(0).asText()).endsWith(":8080");
    }

    private static List<HasMetadata> baseResources() throws IOException {
        List<HasMetadata> base = new ArrayList<>();
        try (var files = Files.list(Manifests.K8S.resolve("base"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                base.addAll(Manifests.read(Files.readString(file), file.toString()));
            }
        }
        return base;
    }

    private static Map<String, String> configMapData(List<HasMetadata> resources) {
        return find(resources, io.fabric8.kubernetes.api.model.ConfigMap.class, "kotone-config").getData();
    }

    private static <T extends HasMetadata> T find(List<HasMetadata> resources, Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast).filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** The environment variables a service's application.properties reads: ${NAME} and ${NAME:default}, plus SmallRye's mapping. */
    static Set<String> propertyVariables(String module) throws IOException {
        String properties = Files.readString(Manifests.ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        Set<String> variables = new HashSet<>(PLATFORM_VARIABLES);
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(properties);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        for (String line : properties.lines().toList()) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0 && !line.startsWith("%")) {
                variables.add(line.substring(0, equals).trim().toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return variables;
    }

    private static int defaultPort(String module) throws IOException {
        String properties = Files.readString(Manifests.ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        Matcher matcher = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{[A-Z_]+:(\\d+)}").matcher(properties);
        assertThat(matcher.find()).as(module + " names its port").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static int defaultManagementPort(String module) throws IOException {
        String properties = Files.readString(Manifests.ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        Matcher matcher = Pattern.compile("(?m)^quarkus\\.management\\.port=\\$\\{[A-Z_]+:(\\d+)}").matcher(properties);
        assertThat(matcher.find()).as(module + " names its management port").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String kustomizeCommand() {
        for (List<String> command : List.of(List.of("kustomize", "version"), List.of("kubectl", "version", "--client"))) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return command.get(0);
                }
            } catch (IOException e) {
                // not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    private static String render(String command, Path overlay) throws Exception {
        List<String> args = command.equals("kustomize") ? List.of("kustomize", "build", overlay.toString())
                : List.of("kubectl", "kustomize", overlay.toString());
        Process process = new ProcessBuilder(args).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}

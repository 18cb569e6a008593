package kotone.common.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kotone.core.llm.LlmEndpoint;

/** The configured providers in the order they are tried. */
@ApplicationScoped
public class LlmProviders {

    private final List<ConfiguredProvider> providers;

    public LlmProviders(LlmConfig config) {
        Map<String, LlmConfig.Provider> byName = new TreeMap<>(config.providers());
        List<String> names = new ArrayList<>(config.order().orElse(List.of()));
        byName.keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
        List<ConfiguredProvider> list = new ArrayList<>();
        for (String name : names) {
            LlmConfig.Provider provider = byName.get(name);
            if (provider == null || provider.baseUrl().filter(url -> !url.isBlank()).isEmpty()) {
                continue;
            }
            LlmEndpoint endpoint = new LlmEndpoint(name, URI.create(provider.baseUrl().get().strip()), provider.apiKey().orElse(null));
            list.add(new ConfiguredProvider(endpoint, nonBlank(provider.promptBaselineModel()), nonBlank(provider.fineTunedModel()),
                    nonBlank(provider.teacherModel()).or(() -> nonBlank(provider.promptBaselineModel()))));
        }
        this.providers = List.copyOf(list);
    }

    public List<ConfiguredProvider> all() {
        return providers;
    }

    public boolean any() {
        return !providers.isEmpty();
    }

    private static java.util.Optional<String> nonBlank(java.util.Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}

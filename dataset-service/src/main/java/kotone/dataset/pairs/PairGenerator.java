package kotone.dataset.pairs;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotone.common.llm.ConfiguredProvider;
import kotone.common.llm.LlmConfig;
import kotone.common.llm.LlmProviders;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.Provenance;
import kotone.core.dataset.TeacherPair;
import kotone.core.llm.AnswerParser;
import kotone.core.llm.ChatCompletionsClient;
import kotone.core.llm.InterpretPrompt;
import kotone.core.llm.LlmException;
import kotone.core.llm.ParsedAnswer;
import kotone.core.teacher.CatalogTeacher;
import kotone.core.vector.Dimension;

/** Adds teacher pairs from the two generators: the catalog teacher and the LLM teacher. */
@ApplicationScoped
public class PairGenerator {

    private static final int BATCH = 500;

    private final PairRepository repository;
    private final Catalog catalog;
    private final LlmProviders providers;
    private final LlmConfig llmConfig;
    private final ChatCompletionsClient client;
    private final InterpretPrompt prompt;
    private final AnswerParser parser;

    public PairGenerator(PairRepository repository, Catalog catalog, LlmProviders providers, LlmConfig llmConfig,
            ChatCompletionsClient client, InterpretPrompt prompt, AnswerParser parser) {
        this.repository = repository;
        this.catalog = catalog;
        this.providers = providers;
        this.llmConfig = llmConfig;
        this.client = client;
        this.prompt = prompt;
        this.parser = parser;
    }

    public ImportResult generate(GenerateRequest request) {
        return switch (request.generator()) {
            case "catalog" -> fromCatalog(request);
            case "replay" -> fromReplay(request);
            default -> fromLlm(request);
        };
    }

    private ImportResult fromCatalog(GenerateRequest request) {
        if (request.count() == null) {
            throw ProblemException.badRequest("count", "the catalog teacher needs a count");
        }
        CatalogTeacher.Settings defaults = CatalogTeacher.Settings.defaults();
        CatalogTeacher teacher = new CatalogTeacher(catalog, new CatalogTeacher.Settings(
                request.noise() == null ? defaults.noise() : request.noise(),
                request.japaneseShare() == null ? defaults.japaneseShare() : request.japaneseShare()));
        List<Dimension> focus = request.focusDimensions() == null ? List.of()
                : request.focusDimensions().stream().map(key -> Dimension.fromKey(key).orElseThrow()).toList();
        long seed = request.seed() == null ? System.currentTimeMillis() : request.seed();
        UUID batchId = UUID.randomUUID();
        return inTransaction(connection -> {
            List<TeacherPair> pending = new ArrayList<>(BATCH);
            int[] added = {0};
            teacher.generate(request.count(), seed, Instant.now(), focus, pair -> {
                pending.add(pair);
                if (pending.size() == BATCH) {
                    added[0] += insertBatch(connection, pending, batchId, request.lineage());
                }
            });
            added[0] += insertBatch(connection, pending, batchId, request.lineage());
            int count = request.count();
            ImportResult result = new ImportResult(batchId, count, added[0], count - added[0], 0, List.of(), false);
            repository.saveBatch(connection, batchId, "catalog_teacher",
                    new PairRepository.BatchCounts(count, added[0], count - added[0], 0),
                    Map.of("seed", seed, "focusDimensions", focus.stream().map(Dimension::key).toList()));
            return result;
        });
    }

    private ImportResult fromLlm(GenerateRequest request) {
        if (request.texts() == null || request.texts().isEmpty()) {
            throw ProblemException.badRequest("texts", "the LLM teacher needs the texts to label");
        }
        ConfiguredProvider provider = providers.all().stream().filter(p -> p.teacherModel().isPresent()).findFirst()
                .orElseThrow(() -> ProblemException.conflict(
                        "no LLM provider with a teacher model is configured: set kotone.llm.providers.<name>.base-url and teacher-model"));
        boolean rulePrompts = "rule_prompt".equals(request.inputFormat());
        String model = provider.teacherModel().orElseThrow();
        List<TeacherPair> pairs = new ArrayList<>();
        List<ImportResult.LineError> errors = new ArrayList<>();
        for (int i = 0; i < request.texts().size(); i++) {
            String text = request.texts().get(i);
            try {
                ChatCompletionsClient.Answer answer = client.complete(provider.endpoint(), model, InterpretPrompt.SYSTEM,
                        prompt.userMessage(text, null), Duration.ofMillis(Math.max(llmConfig.callTimeoutMs(), 10_000)));
                ParsedAnswer parsed = parser.parse(answer.content());
                if (!parsed.valid()) {
                    errors.add(new ImportResult.LineError(i + 1, List.of("texts[" + i + "]: the teacher's answer was rejected: " + parsed.parseError())));
                    continue;
                }
                Provenance provenance = new Provenance("llm_teacher", "llm_teacher.v1", null, model, Instant.now());
                pairs.add(new TeacherPair(null, rulePrompts ? null : text, rulePrompts ? text : null, null, Map.of(),
                        parsed.vector(), parsed.tags(), provenance));
            } catch (LlmException e) {
                errors.add(new ImportResult.LineError(i + 1, List.of("texts[" + i + "]: " + e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable("interrupted while the LLM teacher was labelling");
            }
        }
        if (pairs.isEmpty()) {
            throw ProblemException.unprocessable("the LLM teacher labelled none of the texts",
                    errors.stream().map(e -> new FieldError("texts[" + (e.line() - 1) + "]", String.join("; ", e.errors()))).toList());
        }
        UUID batchId = UUID.randomUUID();
        int lines = request.texts().size();
        return inTransaction(connection -> {
            int added = repository.insert(connection, pairs, batchId, request.lineage());
            int duplicates = pairs.size() - added;
            repository.saveBatch(connection, batchId, "llm_teacher", new PairRepository.BatchCounts(lines, added, duplicates, errors.size()),
                    Map.of("provider", provider.name(), "model", model, "errors", errors));
            return new ImportResult(batchId, lines, added, duplicates, errors.size(), errors, false);
        });
    }

    private ImportResult fromReplay(GenerateRequest request) {
        if (request.replay() == null || request.replay().isEmpty()) {
            throw ProblemException.badRequest("replay", "the replay generator needs the hard cases to store");
        }
        UUID batchId = UUID.randomUUID();
        List<ImportResult.LineError> errors = new ArrayList<>();
        return inTransaction(connection -> {
            int added = 0;
            int valid = 0;
            for (int i = 0; i < request.replay().size(); i++) {
                GenerateRequest.Replay replay = request.replay().get(i);
                int[] values = new int[Dimension.COUNT];
                boolean ok = true;
                for (Dimension dimension : Dimension.ALL) {
                    Integer value = replay.vector().get(dimension.key());
                    if (value == null || value < 0 || value > 100) {
                        errors.add(new ImportResult.LineError(i + 1, List.of("replay[" + i + "].vector." + dimension.key() + ": missing or out of range 0-100")));
                        ok = false;
                        break;
                    }
                    values[dimension.ordinal()] = value;
                }
                if (!ok) {
                    continue;
                }
                valid++;
                Lineage lineage = (request.lineage() == null ? Lineage.none() : request.lineage()).overlaidWith(replay.lineage());
                TeacherPair pair = new TeacherPair(null, replay.requestText(), null, null, Map.of(), kotone.core.vector.MusicVector.of(values),
                        List.of(), new Provenance("replay", "replay.v1", null, null, Instant.now()));
                added += repository.insert(connection, List.of(pair), batchId, lineage);
            }
            if (valid == 0) {
                throw ProblemException.unprocessable("no hard case could be stored",
                        errors.stream().map(e -> new FieldError("replay[" + (e.line() - 1) + "]", String.join("; ", e.errors()))).toList());
            }
            int lines = request.replay().size();
            repository.saveBatch(connection, batchId, "replay", new PairRepository.BatchCounts(lines, added, valid - added, errors.size()),
                    Map.of("lineage", request.lineage() == null ? Lineage.none() : request.lineage()));
            return new ImportResult(batchId, lines, added, valid - added, errors.size(), errors, false);
        });
    }

    /** Stores and clears a batch; a database failure aborts the generation's transaction. */
    private int insertBatch(Connection connection, List<TeacherPair> pending, UUID batchId, Lineage lineage) {
        try {
            int added = repository.insert(connection, pending, batchId, lineage);
            pending.clear();
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store generated pairs", e);
        }
    }

    private <T> T inTransaction(PairRepository.Work<T> work) {
        try {
            return repository.inTransaction(work);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("could not store generated pairs", e);
        }
    }
}

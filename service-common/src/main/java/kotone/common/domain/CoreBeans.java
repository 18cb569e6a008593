package kotone.common.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import kotone.core.catalog.Catalog;
import kotone.core.derive.ProfileDerivation;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.llm.AnswerParser;
import kotone.core.llm.ChatCompletionsClient;
import kotone.core.llm.InterpretPrompt;

/** The framework-free objects of core that several services inject; made once, immutable and thread-safe. */
public class CoreBeans {

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

    /** The rules: the one source of word meaning, read by the rule mode and as features of the local model. */
    @Produces
    @Singleton
    RuleInterpreter ruleInterpreter(Catalog catalog) {
        return new RuleInterpreter(catalog);
    }

    @Produces
    @Singleton
    InterpretPrompt interpretPrompt(ObjectMapper json) {
        return new InterpretPrompt(json);
    }

    @Produces
    @Singleton
    AnswerParser answerParser(ObjectMapper json) {
        return new AnswerParser(json);
    }

    @Produces
    @Singleton
    ChatCompletionsClient chatCompletionsClient(ObjectMapper json) {
        return new ChatCompletionsClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), json);
    }
}

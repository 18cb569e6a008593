package kotone.dataset.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.http.HttpClient;
import java.time.Duration;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.TeacherPairLine;
import kotone.core.llm.AnswerParser;
import kotone.core.llm.ChatCompletionsClient;
import kotone.core.llm.InterpretPrompt;
import kotone.core.model.ModelCodec;
import kotone.core.teacher.CatalogTeacher;

/** The framework-free domain objects this service uses, made available for injection. */
public class DomainBeans {

    @Produces
    @ApplicationScoped
    Catalog catalog() {
        return Catalog.standard();
    }

    @Produces
    @ApplicationScoped
    TeacherPairLine teacherPairLine(ObjectMapper json, Catalog catalog) {
        return new TeacherPairLine(json, catalog);
    }

    @Produces
    @ApplicationScoped
    CatalogTeacher catalogTeacher(Catalog catalog) {
        return new CatalogTeacher(catalog, CatalogTeacher.Settings.defaults());
    }

    @Produces
    @ApplicationScoped
    InterpretPrompt interpretPrompt(ObjectMapper json) {
        return new InterpretPrompt(json);
    }

    @Produces
    @ApplicationScoped
    AnswerParser answerParser(ObjectMapper json) {
        return new AnswerParser(json);
    }

    @Produces
    @ApplicationScoped
    ChatCompletionsClient chatCompletionsClient(ObjectMapper json) {
        return new ChatCompletionsClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), json);
    }

    @Produces
    @ApplicationScoped
    ModelCodec modelCodec() {
        return new ModelCodec();
    }
}

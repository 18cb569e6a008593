package kotone.dataset.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.TeacherPairLine;
import kotone.core.model.ModelCodec;
import kotone.core.teacher.CatalogTeacher;

/** The framework-free domain objects this service uses, made available for injection. */
public class DomainBeans {

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
    ModelCodec modelCodec() {
        return new ModelCodec();
    }
}

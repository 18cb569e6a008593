package kotone.interpreter.modes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import kotone.core.interpret.RuleInterpreter;

/** The rule mode: the lexicon in core, in-process. It always answers. */
@ApplicationScoped
public class RuleMode {

    public static final String VERSION = "rules-v1";

    private final RuleInterpreter rules = new RuleInterpreter();

    /** The rules' reading and how many lexicon words they recognised (0: they understood nothing). */
    public record Result(Reading reading, int hits) {
    }

    public Result read(String text, String weather) {
        RuleInterpreter.Reading reading = rules.read(text, weather);
        List<String> notes = reading.hits() == 0 ? List.of("rules: no word the lexicon knows") : reading.matched();
        return new Result(new Reading(reading.vector(), ModelSource.RULE_BASELINE, VERSION, true, null, List.of(), notes, -1),
                reading.hits());
    }
}

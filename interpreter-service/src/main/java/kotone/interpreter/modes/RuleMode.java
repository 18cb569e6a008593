package kotone.interpreter.modes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import kotone.core.interpret.RuleInterpreter;

/** The rule mode: the lexicon in core, in-process. It always answers. */
@ApplicationScoped
public class RuleMode {

    public static final String VERSION = "rules-v2";

    private final RuleInterpreter rules;

    public RuleMode(RuleInterpreter rules) {
        this.rules = rules;
    }

    /**
     * The rules' reading as a mode's, and as the rules gave it (with how far each dimension moved and how many lexicon
     * words they recognised: 0 means they understood nothing).
     */
    public record Result(Reading reading, RuleInterpreter.Reading rules) {

        public int hits() {
            return rules.hits();
        }
    }

    public Result read(String text, String weather) {
        RuleInterpreter.Reading reading = rules.read(text, weather);
        List<String> notes = reading.hits() == 0 ? List.of("rules: no word the lexicon knows") : reading.matched();
        return new Result(new Reading(reading.vector(), ModelSource.RULE_BASELINE, VERSION, true, null, List.of(), notes, -1), reading);
    }
}

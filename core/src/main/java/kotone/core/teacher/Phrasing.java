package kotone.core.teacher;

/**
 * Which phrases the catalog teacher writes its request texts with. Training pairs, eval sets and replayed live traffic
 * use pools with no phrase, intensity word, scene or template in common, so a model that memorised the training
 * phrasing earns nothing for it on a generated eval set: the set measures whether it reads the words, not whether it
 * saw them.
 */
public enum Phrasing {
    TRAINING("catalog_teacher.v1", PhrasePool.training()),
    EVALUATION("catalog_teacher_eval.v1", PhrasePool.evaluation()),
    /** Players' casual register, for replayed live traffic (./kotone demo --traffic): never training, never an eval set. */
    PLAYERS("catalog_teacher_players.v1", PhrasePool.players());

    private final String generator;
    private final PhrasePool pool;

    Phrasing(String generator, PhrasePool pool) {
        this.generator = generator;
        this.pool = pool;
    }

    /** The generator's name in every pair's provenance. */
    public String generator() {
        return generator;
    }

    PhrasePool pool() {
        return pool;
    }
}

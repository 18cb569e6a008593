package kotone.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * How the auto mode combines the rules' reading with the local model's, fitted with the model and stored with it. Per
 * language (English, Japanese, other), input type (a free request, or a rule prompt that names catalog parts), how
 * familiar the request is to the local model (the share of its words training saw: under {@link #COVERAGE_EDGES}[0],
 * under [1], or above) and dimension, two shares of the rules' reading: one where their words moved the dimension, one
 * where they left it near neutral. The second matters for requests unlike anything trained on: there the local model
 * answers a dimension nobody asked about with the average of its training labels, which belongs to the generator of
 * those labels, not to the player; the rules' neutral reading claims nothing.
 *
 * @param ruleShare [language][input type][coverage band][dimension], each 0-1: where the rules moved the dimension
 * @param quietShare the same shape: where the rules left the dimension within {@code fired} of neutral
 * @param fired how far (in points) the rules must have moved a dimension for their reading of it to count as moved
 */
public record Combination(double[][][][] ruleShare, double[][][][] quietShare, double fired) {

    public static final int LANGUAGES = 3;
    public static final int INPUT_TYPES = 2;
    public static final double[] COVERAGE_EDGES = {0.5, 0.9};
    public static final int BANDS = COVERAGE_EDGES.length + 1;

    public Combination {
        checkShape(ruleShare);
        checkShape(quietShare);
    }

    private static void checkShape(double[][][][] ruleShare) {
        if (ruleShare.length != LANGUAGES) {
            throw new IllegalArgumentException("a combination has a share per language");
        }
        for (double[][][] byType : ruleShare) {
            if (byType.length != INPUT_TYPES) {
                throw new IllegalArgumentException("a combination has a share per input type");
            }
            for (double[][] byBand : byType) {
                if (byBand.length != BANDS) {
                    throw new IllegalArgumentException("a combination has a share per coverage band");
                }
                for (double[] byDimension : byBand) {
                    if (byDimension.length != Dimension.COUNT) {
                        throw new IllegalArgumentException("a combination has a share per dimension");
                    }
                    for (double share : byDimension) {
                        if (!(share >= 0 && share <= 1)) {
                            throw new IllegalArgumentException("a rule share is 0-1, got " + share);
                        }
                    }
                }
            }
        }
    }

    /** The local model alone wherever it is, as a model without a fitted combination is served. */
    public static Combination localOnly() {
        return uniform(0);
    }

    public static Combination uniform(double share) {
        return new Combination(filled(share), filled(share), 5);
    }

    /** Shares of the combination's shape, each the given value. */
    public static double[][][][] filled(double share) {
        double[][][][] shares = new double[LANGUAGES][INPUT_TYPES][BANDS][Dimension.COUNT];
        for (double[][][] byType : shares) {
            for (double[][] byBand : byType) {
                for (double[] byDimension : byBand) {
                    Arrays.fill(byDimension, share);
                }
            }
        }
        return shares;
    }

    public static int language(TextLanguage language) {
        return switch (language) {
            case EN -> 0;
            case JA -> 1;
            default -> 2;
        };
    }

    /** 0 for a free request, 1 for a text that names catalog parts (a rule prompt). */
    public static int inputType(boolean namesParts) {
        return namesParts ? 1 : 0;
    }

    public static int band(double coverage) {
        int band = 0;
        while (band < COVERAGE_EDGES.length && coverage >= COVERAGE_EDGES[band]) {
            band++;
        }
        return band;
    }

    public double share(TextLanguage language, boolean namesParts, double coverage, Dimension dimension, boolean moved) {
        double[][][][] shares = moved ? ruleShare : quietShare;
        return shares[language(language)][inputType(namesParts)][band(coverage)][dimension.ordinal()];
    }

    /**
     * The combined reading, and per dimension the rules' share in it.
     *
     * @param rulePush per dimension how far the rules' words and parts moved it from neutral
     * @param coverage the share of the request's words the local model saw in training
     */
    public Blend blend(MusicVector local, MusicVector rules, double[] rulePush, TextLanguage language, boolean namesParts, double coverage) {
        double[] values = new double[Dimension.COUNT];
        double[] shares = new double[Dimension.COUNT];
        for (Dimension dimension : Dimension.ALL) {
            int d = dimension.ordinal();
            double share = share(language, namesParts, coverage, dimension, Math.abs(rulePush[d]) >= fired);
            shares[d] = share;
            values[d] = (1 - share) * local.get(dimension) + share * rules.get(dimension);
        }
        return new Blend(MusicVector.rounded(values), shares);
    }

    /** @param ruleShares per dimension, the rules' share */
    public record Blend(MusicVector vector, double[] ruleShares) {

        /** The rules' mean share over the dimensions. */
        public double ruleShare() {
            double sum = 0;
            for (double share : ruleShares) {
                sum += share;
            }
            return sum / ruleShares.length;
        }
    }

    /**
     * The shares as lines, for a model card: "en request_text coverage 0.90-1.00: energy 0.1/0.0 warmth 0.0/0.0 ...", each
     * dimension's share where the rules moved it, then where they did not.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        String[] languages = {"en", "ja", "other"};
        String[] types = {"request_text", "rule_prompt"};
        for (int l = 0; l < LANGUAGES; l++) {
            for (int t = 0; t < INPUT_TYPES; t++) {
                for (int b = 0; b < BANDS; b++) {
                    double from = b == 0 ? 0 : COVERAGE_EDGES[b - 1];
                    double to = b == BANDS - 1 ? 1 : COVERAGE_EDGES[b];
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s coverage %.2f-%.2f:", languages[l], types[t], from, to));
                    for (Dimension dimension : Dimension.ALL) {
                        int d = dimension.ordinal();
                        line.append(String.format(Locale.ROOT, " %s %.1f/%.1f", dimension.key(), ruleShare[l][t][b][d], quietShare[l][t][b][d]));
                    }
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }
}

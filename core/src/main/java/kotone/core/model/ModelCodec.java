package kotone.core.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import kotone.core.vector.Dimension;

/**
 * The stored form of a {@link LocalModel}, shared by the dataset service that writes it and the
 * interpreter that serves it: a gzip-compressed binary with a magic word and a format version, so a
 * reader refuses what it does not understand instead of serving garbage. Format 2 added the rules' features and the
 * auto combination, format 3 the combination's shares where the rules did not move a dimension; a model of an earlier
 * format is read as one without what came later (the local model alone there).
 */
public final class ModelCodec {

    private static final int MAGIC = 0x4B544E4D; // "KTNM"
    private static final int FORMAT = 3;

    public byte[] encode(LocalModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            FeatureSpec spec = model.spec();
            out.writeInt(spec.partIds().size());
            for (String id : spec.partIds()) {
                out.writeUTF(id);
            }
            out.writeInt(spec.hashBits());
            out.writeBoolean(spec.rules());
            out.writeUTF(spec.embeddingModel() == null ? "" : spec.embeddingModel());
            out.writeInt(spec.embeddingDimension());
            out.writeInt(model.outputStep());
            for (double value : model.intercept()) {
                out.writeDouble(value);
            }
            for (double[] shifts : model.groupShift()) {
                for (double value : shifts) {
                    out.writeDouble(value);
                }
            }
            out.writeInt(model.vocabulary().length);
            for (int token : model.vocabulary()) {
                out.writeInt(token);
            }
            for (float[] row : model.weights()) {
                for (float value : row) {
                    out.writeFloat(value);
                }
            }
            Combination combination = model.combination();
            out.writeDouble(combination.fired());
            writeShares(out, combination.ruleShare());
            writeShares(out, combination.quietShare());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public LocalModel decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(encoded)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a kotone local model");
            }
            int format = in.readInt();
            if (format < 1 || format > FORMAT) {
                throw new IllegalArgumentException("model format " + format + " is not supported (this reader knows 1 to " + FORMAT + ")");
            }
            int partCount = in.readInt();
            List<String> partIds = new ArrayList<>(partCount);
            for (int i = 0; i < partCount; i++) {
                partIds.add(in.readUTF());
            }
            int hashBits = in.readInt();
            boolean rules = format >= 2 && in.readBoolean();
            String embeddingModel = in.readUTF();
            int embeddingDimension = in.readInt();
            FeatureSpec spec = new FeatureSpec(partIds, hashBits, rules, embeddingModel.isEmpty() ? null : embeddingModel, embeddingDimension);
            int outputStep = in.readInt();
            double[] intercept = readDoubles(in, Dimension.COUNT);
            double[][] shift = {readDoubles(in, Dimension.COUNT), readDoubles(in, Dimension.COUNT)};
            int[] vocabulary = new int[in.readInt()];
            for (int i = 0; i < vocabulary.length; i++) {
                vocabulary[i] = in.readInt();
            }
            float[][] weights = new float[Dimension.COUNT][spec.width()];
            for (float[] row : weights) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = in.readFloat();
                }
            }
            Combination combination = Combination.localOnly();
            if (format >= 2) {
                double fired = in.readDouble();
                double[][][][] moved = readShares(in);
                double[][][][] quiet = format >= 3 ? readShares(in) : Combination.filled(0);
                combination = new Combination(moved, quiet, fired);
            }
            return new LocalModel(spec, weights, intercept, shift, outputStep, vocabulary, combination);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated or corrupt model: " + e.getMessage(), e);
        }
    }

    private static void writeShares(DataOutputStream out, double[][][][] shares) throws IOException {
        for (double[][][] byType : shares) {
            for (double[][] byBand : byType) {
                for (double[] byDimension : byBand) {
                    for (double share : byDimension) {
                        out.writeDouble(share);
                    }
                }
            }
        }
    }

    private static double[][][][] readShares(DataInputStream in) throws IOException {
        double[][][][] shares = new double[Combination.LANGUAGES][Combination.INPUT_TYPES][Combination.BANDS][];
        for (double[][][] byType : shares) {
            for (double[][] byBand : byType) {
                for (int b = 0; b < byBand.length; b++) {
                    byBand[b] = readDoubles(in, Dimension.COUNT);
                }
            }
        }
        return shares;
    }

    private static double[] readDoubles(DataInputStream in, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}

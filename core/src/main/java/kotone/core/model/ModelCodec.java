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
 * reader refuses what it does not understand instead of serving garbage.
 */
public final class ModelCodec {

    private static final int MAGIC = 0x4B544E4D; // "KTNM"
    private static final int FORMAT = 1;

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
            if (format != FORMAT) {
                throw new IllegalArgumentException("model format " + format + " is not supported (this reader knows " + FORMAT + ")");
            }
            int partCount = in.readInt();
            List<String> partIds = new ArrayList<>(partCount);
            for (int i = 0; i < partCount; i++) {
                partIds.add(in.readUTF());
            }
            int hashBits = in.readInt();
            String embeddingModel = in.readUTF();
            int embeddingDimension = in.readInt();
            FeatureSpec spec = new FeatureSpec(partIds, hashBits, embeddingModel.isEmpty() ? null : embeddingModel, embeddingDimension);
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
            return new LocalModel(spec, weights, intercept, shift, outputStep, vocabulary);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated or corrupt model: " + e.getMessage(), e);
        }
    }

    private static double[] readDoubles(DataInputStream in, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}

package kotone.common.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/** Names the request field an error is about, as a caller wrote it: {@code selections[2].targetProfile.vector}. */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * Drops the resource method name that Bean Validation puts first, and the parameter name where the
     * violation is inside the body (the body is the root the caller sees); a query or path parameter keeps it.
     */
    static String of(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                path.setLength(0);
                boolean leaf = i == nodes.size() - 1;
                if (leaf && node.getName() != null) {
                    path.append(node.getName());
                }
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                path.append('.').append(node.getKey());
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}

package kotone.bench.load;

import java.util.List;
import java.util.random.RandomGenerator;

/** Operations drawn at random in proportion to their weights. */
record Mix(List<Operation> operations) {

    Mix {
        operations = List.copyOf(operations);
    }

    Operation pick(RandomGenerator random) {
        int ticket = random.nextInt(totalWeight());
        for (Operation operation : operations) {
            ticket -= operation.weight();
            if (ticket < 0) {
                return operation;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    int totalWeight() {
        return operations.stream().mapToInt(Operation::weight).sum();
    }
}

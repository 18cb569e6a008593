package kotone.bench.load;

import java.util.List;
import java.util.random.RandomGenerator;

/** One kind of request in the mix: its name, its share of the traffic, and the requests it rotates over. */
record Operation(String name, int weight, List<LoadRequest> requests) {

    Operation {
        if (weight <= 0 || requests.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a positive weight and at least one request");
        }
        requests = List.copyOf(requests);
    }

    LoadRequest next(RandomGenerator random) {
        return requests.get(random.nextInt(requests.size()));
    }
}

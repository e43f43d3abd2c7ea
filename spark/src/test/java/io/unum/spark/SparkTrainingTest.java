package io.unum.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unum.EngineSpec;
import io.unum.Resolver;
import io.unum.matchers.CustomerRules;
import io.unum.model.SourceRecord;
import io.unum.training.TrainedModel;
import io.unum.training.TrainingOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on Spark: the driver's trainer on a seeded sample, the same model JSON whatever the partitioning. */
class SparkTrainingTest {

    @Test
    void trainsTheSameModelAsTheInMemoryTrainerOnTheSample() {
        CustomerRules rules = CustomerRules.standard();
        EngineSpec spec = Resolver.newBuilder().ruleSet(rules).build().spec();
        TrainingOptions.Builder options = TrainingOptions.newBuilder().maxRecords(100_000);
        rules.trainingPasses().forEach(options::pass);
        TrainingOptions training = options.build();
        GeneratedInput input = GeneratedInput.of(400, 5L);

        TrainedModel one = UnumSpark.train(input.dataset(TestSpark.session(), 3, null), spec, training);
        TrainedModel other = UnumSpark.train(input.dataset(TestSpark.session(), 1, new Random(9)), spec, training);
        // the spec's content hash covers the model's parameters, not its training time
        assertEquals(hash(spec, one), hash(spec, other), "the model does not depend on partitioning or order");

        // the whole input is under the sample size: the sample is every record, in key order
        List<SourceRecord> records = new ArrayList<>(input.records());
        records.sort(Comparator.comparing(SourceRecord::key));
        TrainedModel inMemory = Resolver.newBuilder(spec).build().train(records, training);
        assertEquals(hash(spec, inMemory), hash(spec, one));
        assertEquals(one.toJson(), TrainedModel.fromJson(one.toJson()).toJson(), "the command line's model format");
    }

    private static String hash(EngineSpec spec, TrainedModel model) {
        return Resolver.newBuilder(spec).build().withModel(model).spec().hash();
    }
}

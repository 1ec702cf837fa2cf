package org.scanstation.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.scanstation.match.CsvPatientIndex;

/**
 * Runs the real analysis over a corpus folder (pages, patients.csv, truth.json) and scores it with
 * the shared scorer ({@code ../shared/tools/score-analysis}), the same figures a release is judged by.
 */
final class CorpusScorer {

    record Result(JsonNode score, JsonNode analysis) {
        double figure(String name) {
            return score.path(name).asDouble(Double.NaN);
        }

        int count(String name) {
            return score.path(name).asInt(-1);
        }

        /** Pages auto-filed where the truth says otherwise: the shared scorer's misfiled pages, by name. */
        List<String> misfiledPages(JsonNode truth) {
            List<String> out = new ArrayList<>();
            for (JsonNode t : truth.get("pages")) {
                if (!"page".equals(t.path("kind").asText())) {
                    continue;
                }
                for (JsonNode p : analysis.get("pages")) {
                    if (p.get("source").asText().equals(t.get("source").asText()) && "matched".equals(p.get("status").asText())) {
                        String filedTo = p.path("patient").path("nhsNumber").asText();
                        // as the shared scorer: a trap document's later page filed to that document's own patient is not misfiled
                        boolean ownPatient = !t.path("owner").isMissingNode() && t.path("owner").asText().equals(filedTo);
                        boolean wrong = !"matched".equals(t.path("expect").asText()) ? !ownPatient
                                : !t.path("nhs_number").asText().equals(filedTo);
                        if (wrong) {
                            out.add(t.get("source").asText());
                        }
                    }
                }
            }
            return out;
        }
    }

    private static final java.util.Map<Path, Result> SCORED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The result for a corpus, analysed once per test run whatever the number of test classes asking. */
    static synchronized Result analyseAndScore(Path corpus, Path work) throws Exception {
        Path key = corpus.toAbsolutePath().normalize();
        Result earlier = SCORED.get(key);
        if (earlier == null) {
            earlier = analyseAndScoreAgain(corpus, work);
            SCORED.put(key, earlier);
        }
        return earlier;
    }

    private static Result analyseAndScoreAgain(Path corpus, Path work) throws Exception {
        Path out = work.resolve("analysis.json");
        CsvPatientIndex index = CsvPatientIndex.load(corpus.resolve("patients.csv"));
        try (AnalysisEngine engine = AnalysisEngine.create(AnalysisSettings.defaults(), index);
             OutputStream os = Files.newOutputStream(out);
             AnalysisJsonWriter writer = new AnalysisJsonWriter(os)) {
            engine.analyse(org.scanstation.image.InputFiles.expand(List.of(corpus.resolve("batch"))).files(), page -> {
                try {
                    writer.write(page);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Process p = new ProcessBuilder("python3", Path.of("../shared/tools/score-analysis").toString(),
                corpus.resolve("truth.json").toString(), out.toString(), "--json").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("scorer failed: " + text);
        }
        ObjectMapper json = new ObjectMapper();
        return new Result(json.readTree(text), json.readTree(out.toFile()));
    }
}

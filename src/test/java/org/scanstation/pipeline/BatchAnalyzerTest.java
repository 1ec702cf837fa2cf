package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.ScannedPage;
import org.scanstation.match.MatchDecision;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;

class BatchAnalyzerTest {

    static final AnalysisPool POOL = new AnalysisPool(2);

    static PageId id(int i) {
        return PageId.single(Path.of(String.format("%04d.png", i)));
    }

    @Test
    void resultsComeOutInFeederOrderWithBoundedPagesInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        PageAnalyzer slowAndUneven = page -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new PageFindings(page.id(), PageKind.CONTENT, new MatchDecision.NoIdentity(List.of()), 0, 0,
                    List.of(), List.of(), List.of(), List.of());
        };
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        new BatchAnalyzer(slowAndUneven, POOL).analyse(sink -> {
            for (int i = 1; i <= 40; i++) {
                sink.accept(new PageLoadResult.Loaded(new ScannedPage(id(i), new BufferedImage(8, 8,
                        BufferedImage.TYPE_BYTE_GRAY), 300, false)));
            }
        }, p -> seen.add(p.id().name()));
        assertThat(seen).hasSize(40);
        assertThat(seen).isSorted();
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aPageThatBreaksTheAnalyzerBecomesAReviewPage() throws Exception {
        PageAnalyzer broken = page -> {
            throw new IllegalStateException("boom");
        };
        List<PageAnalysis> out = new ArrayList<>();
        new BatchAnalyzer(broken, POOL).analyse(sink -> {
            sink.accept(new PageLoadResult.Loaded(new ScannedPage(id(1), new BufferedImage(8, 8,
                    BufferedImage.TYPE_BYTE_GRAY), 300, false)));
            sink.accept(new PageLoadResult.Unreadable(id(2), "truncated JPEG"));
        }, out::add);
        assertThat(out).extracting(PageAnalysis::status).containsExactly(PageStatus.REVIEW, PageStatus.REVIEW);
        assertThat(out.get(0).reasons().get(0)).contains("could not be analysed").contains("boom");
        assertThat(out.get(1).reasons().get(0)).isEqualTo("truncated JPEG");
    }

    @Test
    void eachAnalysedPageIsHandedOnWithItsUprightImageBeforeItsResultComesOut() throws Exception {
        PageAnalyzer keeping = new PageAnalyzer() {
            @Override
            public PageFindings analyse(ScannedPage page) {
                return analyseKeepingImage(page).findings();
            }

            @Override
            public AnalysedPage analyseKeepingImage(ScannedPage page) {
                if (page.id().equals(id(3))) {
                    throw new IllegalStateException("boom");
                }
                BufferedImage upright = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                return new AnalysedPage(page, new PageFindings(page.id(), PageKind.CONTENT,
                        new MatchDecision.NoIdentity(List.of()), 0, 0, List.of(), List.of(), List.of(), List.of()), upright);
            }
        };
        List<String> handedOn = Collections.synchronizedList(new ArrayList<>());
        List<String> results = new ArrayList<>();
        new BatchAnalyzer(keeping, POOL).analyse(sink -> {
            for (int i = 1; i <= 6; i++) {
                sink.accept(i == 5 ? new PageLoadResult.Unreadable(id(i), "truncated JPEG")
                        : new PageLoadResult.Loaded(new ScannedPage(id(i), new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), 300, false)));
            }
        }, p -> {
            results.add(p.id().name());
            if (!List.of("0003.png", "0005.png").contains(p.id().name())) {
                assertThat(handedOn).as("handed on before its result").contains(p.id().name());
            }
        }, page -> {
            assertThat(page.uprightGrey()).isNotNull();
            assertThat(Thread.currentThread().getName()).startsWith("page-analysis-");
            handedOn.add(page.scan().id().name());
        });
        assertThat(results).hasSize(6);
        assertThat(handedOn).as("not the page the analysis broke on, nor the one that could not be decoded")
                .containsExactlyInAnyOrder("0001.png", "0002.png", "0004.png", "0006.png");
    }
}

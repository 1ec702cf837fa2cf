package org.scanstation.station;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scanstation.pipeline.BatchDocument;
import org.scanstation.pipeline.DocumentAssembler;
import org.scanstation.pipeline.FilingRule;
import org.scanstation.pipeline.PageAnalysis;

/**
 * Places the open batch's pages, in the order the clerk arranged them, into documents with the
 * pipeline's own {@link DocumentAssembler} (the rules of {@code process}), then applies what the clerk
 * said about where documents start:
 * <ul>
 *   <li>"starts a new document": the assembler ends the document before the page, as a separator sheet
 *       would; a page with no patient label of its own then needs review, it is never filed to the patient
 *       before it;</li>
 *   <li>"joins the previous document": the page's document is merged into the one before it. The
 *       {@link FilingRule} then decides the merged document as any other: pages of two patients, or a page
 *       that needs review, hold it for a supervisor.</li>
 * </ul>
 * Cheap (no image work): the batch is placed again after every change.
 */
final class OpenBatchAssembly {

    private OpenBatchAssembly() {
    }

    /** The pages as placed, numbered from 1, documents numbered from 1 in order of their first page. */
    static List<LivePage> assemble(List<OpenBatch.Entry> entries, Integer awaitingRescan) {
        DocumentAssembler assembler = new DocumentAssembler();
        List<PageAnalysis> placed = new ArrayList<>(entries.size());
        for (OpenBatch.Entry e : entries) {
            if (e.startsNew) {
                assembler.endDocument();
            }
            placed.add(assembler.accept(e.findings));
        }
        Map<Integer, Integer> mergedInto = new HashMap<>();
        Integer previous = null;
        for (int i = 0; i < placed.size(); i++) {
            PageAnalysis a = placed.get(i);
            if (!BatchDocument.isContent(a)) {
                continue;
            }
            int doc = resolve(mergedInto, a.document());
            if (entries.get(i).joinsPrevious && previous != null && doc != previous) {
                mergedInto.put(doc, previous);
                doc = previous;
            }
            previous = doc;
        }
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        Map<Integer, List<PageAnalysis>> byDocument = new LinkedHashMap<>();
        List<PageAnalysis> renumbered = new ArrayList<>(placed.size());
        for (PageAnalysis a : placed) {
            if (!BatchDocument.isContent(a)) {
                renumbered.add(a);
                continue;
            }
            int doc = resolve(mergedInto, a.document());
            int number = numbers.computeIfAbsent(doc, k -> numbers.size() + 1);
            PageAnalysis r = new PageAnalysis(a.sequence(), a.id(), a.status(), a.patient(), a.confidence(), a.rotation(),
                    a.skew(), number - 1, a.barcodes(), a.labels(), a.transforms(), a.reasons());
            renumbered.add(r);
            byDocument.computeIfAbsent(number, k -> new ArrayList<>()).add(r);
        }
        Map<Integer, String> holds = new HashMap<>();
        byDocument.forEach((n, pages) -> holds.put(n, FilingRule.decide(pages).holdReason()));
        List<LivePage> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            OpenBatch.Entry e = entries.get(i);
            PageAnalysis a = renumbered.get(i);
            int document = BatchDocument.isContent(a) ? a.document() + 1 : 0;
            out.add(new LivePage(i + 1, e.id, a, e.thumbnail, document, document == 0 ? null : holds.get(document),
                    e.startsNew, e.joinsPrevious, e.turned, awaitingRescan != null && awaitingRescan == e.id));
        }
        return out;
    }

    private static int resolve(Map<Integer, Integer> mergedInto, int doc) {
        Integer to = mergedInto.get(doc);
        while (to != null) {
            doc = to;
            to = mergedInto.get(doc);
        }
        return doc;
    }
}

package org.scanstation.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanstation.gui.WindowFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.geometry.VerticalDirection;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.gui.review.ReviewViewModel;
import org.scanstation.station.StationFixture;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review screen driven as a supervisor would, on the demo's two-patient page (labels of SCOTT,
 * Catherine and MURPHY, Liam on one page): the whole page seen with both labels marked, zoomed and fitted;
 * a decision confirmed with the patient named beside the page, named again after it, and undone; a patient
 * search that chooses nobody and shows where each result agrees or disagrees with the page.
 */
class ReviewWindowTest extends FxRobot {

    @TempDir
    Path dir;
    WindowFixture f;

    @AfterEach
    void close() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private void twoPatientPageHeldForReview() throws Exception {
        f = WindowFixture.open(dir, null);
        f.useScanner(this, WindowFixture.pages(dir, "pages", "0014"));
        f.scanWithF5(this, 1);
        clickOn("#fileButton");
        clickOn("#reviewTab");
        waitUntil(60, () -> f.window.reviewViewModel().items().size() == 1
                && f.window.reviewViewModel().viewer().imageProperty().get() != null);
    }

    private void signIn() throws Exception {
        clickOn("#signInName").write(StationFixture.SUPERVISOR);
        clickOn("#signInPassword").write(StationFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(10, () -> f.window.session().supervisorSignedIn().get());
    }

    @Test
    void theWholePageIsSeenWithEveryLabelMarkedAndAFilingIsConfirmedNamedAndUndone() throws Exception {
        twoPatientPageHeldForReview();
        ReviewViewModel review = f.window.reviewViewModel();

        // the whole page, fitted into the viewer: nothing to scroll to find the second label
        ImageView page = lookup("#reviewPageImage").queryAs(ImageView.class);
        assertThat(page.getImage().getHeight()).as("a whole A4 page at full resolution").isGreaterThan(3000);
        double scale = review.viewer().scale().get();
        javafx.geometry.Bounds viewport = lookup("#reviewPageScroll").queryAs(javafx.scene.control.ScrollPane.class)
                .getViewportBounds();
        assertThat(page.getImage().getWidth() * scale).isLessThanOrEqualTo(viewport.getWidth());
        assertThat(page.getImage().getHeight() * scale).isLessThanOrEqualTo(viewport.getHeight());
        assertThat(lookup("#reviewZoomText").queryLabeled().getText()).startsWith("Fit page");
        assertThat(lookup("#reviewPageText").queryLabeled().getText()).isEqualTo("Page 1 of 1");
        // both labels outlined and numbered, the legend saying what each said
        assertThat(lookup(".mark-label").queryAllAs(Rectangle.class)).hasSizeGreaterThanOrEqualTo(2);
        List<String> legend = List.copyOf(review.viewer().legend());
        assertThat(legend).anyMatch(l -> l.contains("SCOTT, Catherine") && l.contains("born 22 Aug 1987"));
        assertThat(legend).anyMatch(l -> l.contains("MURPHY, Liam") && l.contains("NHS 999 363 8390"));

        // a legend line chosen: its label large in the middle of the viewer, readable beside the candidate
        int murphy = legend.indexOf(legend.stream().filter(l -> l.contains("MURPHY, Liam")).findFirst().orElseThrow());
        javafx.scene.Node line = lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() != null && c.getItem().equals(legend.get(murphy))).query();
        clickOn(line);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = review.viewer().scale().get();
        assertThat(zoomed).as("larger than the fitted page").isGreaterThan(scale * 2);
        java.awt.Rectangle mark = review.viewer().marks().get(murphy).region();
        javafx.scene.control.ScrollPane pane = lookup("#reviewPageScroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(mark.width * zoomed).as("the label fills much of the viewer's width")
                .isGreaterThan(pane.getViewportBounds().getWidth() * 0.5);
        javafx.geometry.Bounds shown = page.localToScene(new javafx.geometry.BoundingBox(mark.x, mark.y, mark.width, mark.height));
        javafx.geometry.Bounds viewer = pane.localToScene(pane.getLayoutBounds());
        assertThat(viewer.contains(shown.getCenterX(), shown.getCenterY())).as("the label in view: " + shown + " in " + viewer)
                .isTrue();
        // the page fitted again, the same line clicked again: the label large again
        clickOn("#reviewFitPage");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.viewer().scale().get()).isEqualTo(scale);
        clickOn(line);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.viewer().scale().get()).as("as large as the first time, give or take the scroll bars")
                .isCloseTo(zoomed, org.assertj.core.data.Percentage.withPercentage(5));

        // zoom: fit width, 100 %, the mouse wheel, the keys
        clickOn("#reviewFitWidth");
        assertThat(lookup("#reviewZoomText").queryLabeled().getText()).startsWith("Fit width");
        moveTo("#reviewPageScroll");
        type(KeyCode.DIGIT1);
        assertThat(lookup("#reviewZoomText").queryLabeled().getText()).isEqualTo("100 %");
        scroll(2, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.viewer().scale().get()).as("the wheel zooms").isNotEqualTo(1.0);
        type(KeyCode.F);
        assertThat(lookup("#reviewZoomText").queryLabeled().getText()).startsWith("Fit page");

        // the reasons: one a line, against first, dates one way, the contradiction said as two labels
        String against = lookup("#reasonsAgainst").queryLabeled().getText();
        assertThat(against).startsWith("\u2717 The page identifies 2 different patients").doesNotContain("\u2026");
        assertThat(against.lines()).allMatch(l -> l.startsWith("\u2717 "));
        assertThat(against + lookup("#reasonsAgreeing").queryLabeled().getText()).doesNotContainPattern("\\d{2}/\\d{2}/\\d{4}");

        signIn();
        String candidate = review.candidateNameProperty().get();
        assertThat(candidate).isIn("MURPHY, Liam", "SCOTT, Catherine");
        assertThat(review.candidateLines()).allMatch(l -> !l.contains("\u2717") || !l.startsWith(candidate));

        // one keystroke never files: Alt+A asks, naming the patient beside the page
        press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        waitUntil(10, () -> !f.dialogs().isEmpty());
        Label question = lookup(".confirm-question").queryAs(Label.class);
        assertThat(question.getText()).contains("File document 1 of batch");
        List<String> facts = lookup(".confirm-fact").queryAllAs(Label.class).stream().map(Label::getText).toList();
        var p = review.selectedProperty().get().candidate();
        assertThat(facts).contains(p.displayName());
        assertThat(facts).anyMatch(t -> t.startsWith("NHS number " + p.nhsNumber().formatted()));
        assertThat(facts).anyMatch(t -> t.startsWith("Born " + org.scanstation.station.DayFormat.day(p.dateOfBirth())));
        assertThat(facts).anyMatch(t -> t.startsWith("Hospital number " + p.mrn()));
        assertThat(facts).anyMatch(t -> t.contains("disagrees with this patient"));
        assertThat(lookup("#confirmPicture").queryAs(ImageView.class).getImage()).as("the page beside it").isNotNull();
        javafx.scene.control.Button confirm = lookup("#confirmButton").queryButton();
        assertThat(confirm.getText()).contains(p.displayName());
        assertThat(confirm.getWidth()).as("'" + confirm.getText() + "' shown whole").isGreaterThanOrEqualTo(confirm.prefWidth(-1) - 0.5);
        // Enter does not file: the focus and the default are on Cancel
        type(KeyCode.ENTER);
        waitUntil(10, () -> f.dialogs().isEmpty());
        assertThat(review.items()).as("Enter cancelled: nothing filed").hasSize(1);
        assertThat(review.decided()).isEmpty();
        press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        waitUntil(10, () -> !f.dialogs().isEmpty());
        clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.items()).as("cancelled: nothing filed").hasSize(1);

        clickOn("#acceptButton");
        waitUntil(10, () -> !f.dialogs().isEmpty());
        clickOn("#confirmButton");
        waitUntil(60, () -> review.items().isEmpty() && review.decided().size() == 1);
        assertThat(lookup("#decisionMessage").queryLabeled().getText()).contains(p.displayName())
                .contains(p.nhsNumber().formatted()).contains("can be undone");

        // undone: back in the queue, as it was (the decided list's cell is drawn on a later pulse)
        waitUntil(10, () -> lookup(".undo-button").queryAll().stream().anyMatch(n -> n.isVisible() && !n.isDisabled()));
        clickOn(".undo-button");
        waitUntil(30, () -> review.items().size() == 1 && review.decided().isEmpty());
        assertThat(review.items().get(0).candidate()).isEqualTo(p);
        assertThat(lookup("#decisionMessage").queryLabeled().getText()).contains("was undone");
        assertThat(f.station.uploadLines()).extracting(l -> l.state()).containsExactly("held: waiting for review");
    }

    @Test
    void aSearchChoosesNobodyAndShowsWhereEachResultAgreesWithThePage() throws Exception {
        twoPatientPageHeldForReview();
        ReviewViewModel review = f.window.reviewViewModel();
        signIn();
        press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertThat(f.window.scene().getFocusOwner().getId()).isEqualTo("patientSearch");
        write("Scott").type(KeyCode.ENTER);
        waitUntil(10, () -> review.results().size() >= 2);

        @SuppressWarnings("unchecked")
        TableView<ReviewViewModel.PatientRow> results = lookup("#searchResults").queryAs(TableView.class);
        assertThat(results.getSelectionModel().getSelectedItem()).as("nothing pre-selected").isNull();
        assertThat(review.chosenProperty().get()).isNull();
        assertThat(lookup("#assignButton").queryButton().isDisabled()).isTrue();

        ReviewViewModel.PatientRow katherine = row(review, "SCOTT, Katherine");
        ReviewViewModel.PatientRow catherine = row(review, "SCOTT, Catherine");
        assertThat(katherine.agreement().dateOfBirth()).as("the same date of birth as one of the labels").isEqualTo(
                org.scanstation.station.EvidenceShown.Fit.AGREES_AND_ANOTHER);
        assertThat(katherine.agreement().nhsNumber()).isEqualTo(org.scanstation.station.EvidenceShown.Fit.DIFFERS);
        assertThat(katherine.agreement().hospitalNumber()).isEqualTo(org.scanstation.station.EvidenceShown.Fit.DIFFERS);
        assertThat(catherine.agreement().nhsNumber()).as("hers, and MURPHY's beside it")
                .isEqualTo(org.scanstation.station.EvidenceShown.Fit.AGREES_AND_ANOTHER);
        assertThat(List.of(catherine.agreement().name(), catherine.agreement().dateOfBirth(),
                catherine.agreement().hospitalNumber())).doesNotContain(org.scanstation.station.EvidenceShown.Fit.DIFFERS);
        // shown on the rows: the cells that disagree are marked in words and colour
        assertThat(lookup(".table-cell.differs").queryAll()).isNotEmpty();
        assertThat(lookup(".table-cell.differs").queryAllAs(javafx.scene.control.TableCell.class))
                .allMatch(c -> String.valueOf(c.getText()).startsWith("\u2717 "));

        clickOn(lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() == katherine)
                .<javafx.scene.Node>query(), MouseButton.PRIMARY);
        assertThat(review.chosenProperty().get()).isEqualTo(katherine);
        assertThat(lookup("#assignButton").queryButton().isDisabled()).isFalse();
        clickOn("#assignButton");
        waitUntil(10, () -> !f.dialogs().isEmpty());
        assertThat(lookup(".confirm-fact").queryAllAs(Label.class)).anyMatch(l -> l.getText().contains("disagrees"));
        clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.items()).hasSize(1);
    }

    private static ReviewViewModel.PatientRow row(ReviewViewModel review, String name) {
        return review.results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}

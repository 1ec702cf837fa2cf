package org.scanstation.gui;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps every column of a table at least as wide as its header and the longest text it shows, measured in
 * the table's own font, whenever its rows change: a name or a number is never cut to "999 605 5..."
 * (item 9 of issue 16). Where the table is narrower than its columns, its columns keep their widths and the
 * table scrolls sideways (a constrained table would clip the last column out of sight instead).
 */
public final class ColumnsFitContent {

    /** Room around the text: the cell's padding and the column's borders. */
    private static final double SPARE = 12;

    private ColumnsFitContent() {
    }

    /**
     * @param shown for each column of {@code table}, in order, the text its cell shows for a row; null for a
     *              column left to take what room there is (a long message that wraps in a tooltip)
     */
    public static <S> void follow(TableView<S> table, List<Function<S, String>> shown) {
        if (shown.size() != table.getColumns().size()) {
            throw new IllegalArgumentException(table.getColumns().size() + " columns, " + shown.size() + " texts");
        }
        var constrained = table.getColumnResizePolicy();
        Runnable fit = () -> Platform.runLater(() -> fit(table, shown, constrained));
        table.getItems().addListener((ListChangeListener<S>) c -> fit.run());
        table.sceneProperty().addListener((o, a, b) -> fit.run());
        table.widthProperty().addListener((o, a, b) -> fit.run());
        fit.run();
    }

    private static <S> void fit(TableView<S> table, List<Function<S, String>> shown,
                                javafx.util.Callback<TableView.ResizeFeatures, Boolean> constrained) {
        Font font = cellFont(table);
        Font header = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) == null) {
                continue;
            }
            TableColumn<S, ?> column = table.getColumns().get(i);
            double needed = width(column.getText(), header);
            for (S row : table.getItems()) {
                needed = Math.max(needed, width(shown.get(i).apply(row), font));
            }
            column.setMinWidth(Math.ceil(needed + SPARE));
            if (column.getPrefWidth() < column.getMinWidth()) {
                column.setPrefWidth(column.getMinWidth());
            }
        }
        double least = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
        boolean fits = table.getWidth() <= 0 || least + SPARE <= table.getWidth();
        var policy = fits ? constrained : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != policy) {
            table.setColumnResizePolicy(policy);
        }
    }

    /** The font the table's cells are drawn in (styled by the station's CSS), or the default before they exist. */
    private static Font cellFont(TableView<?> table) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof Labeled l && l.getFont() != null) {
                return l.getFont();
            }
        }
        return Font.font("DejaVu Sans", 13);
    }

    static double width(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}

package org.scanstation.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One entry of the audit trail (BS 10008 evidence). Fields that do not apply to an event are null.
 *
 * @param type       e.g. {@code batch-started}, {@code page-image}, {@code pdf}, {@code automatic-decision},
 *                   {@code review-decision}, {@code upload}, {@code verified}, {@code purged}
 * @param at         ISO-8601 instant
 * @param user       who did it (operator, reviewer, or the account running the uploader)
 * @param patient    the NHS number the decision or document concerns (patient data: encrypted at rest)
 * @param decision   what was decided (e.g. {@code matched}, {@code review}, {@code accept}, {@code reassign})
 * @param size       bytes of a page or PDF; for {@code audit-anchored}, the number of records anchored
 *
 * <p>As stored, every event also carries its position in the trail ({@code seq}) and the SHA-256 of the
 * record before it ({@code prev}): see {@link AuditTrail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditEvent(String type, String at, String user, String device, String batch, Integer document,
                         Integer page, String sha256, Long size, String patient, String decision,
                         List<String> reasons, String edmsObjectId, Map<String, String> settings) {
}

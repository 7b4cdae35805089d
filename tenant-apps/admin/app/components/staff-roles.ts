/** Every staff role, in the order the admin pages list them (labels: `layout.role.<role>`). */
export const STAFF_ROLES = ["doctor", "front_desk", "clinic_admin", "tenant_admin", "finance", "support"] as const;

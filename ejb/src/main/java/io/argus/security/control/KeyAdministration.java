package io.argus.security.control;

import io.argus.platform.control.InvalidParameter;
import io.argus.security.entity.ApiKey;
import io.argus.security.entity.IssuedKey;
import io.argus.security.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Creating, listing, rotating and revoking API keys: for admins only, checked by the container. */
@Stateless
@DeclareRoles({Role.READER_NAME, Role.OPERATOR_NAME, Role.ADMIN_NAME})
@RolesAllowed(Role.ADMIN_NAME)
public class KeyAdministration {

  @Inject
  ApiKeyStore store;

  public IssuedKey create(String name, String role, String by) {
    if (!KeySecrets.validName(name)) {
      throw new InvalidParameter("name", "name " + KeySecrets.NAME_RULE);
    }
    Role r = Role.parse(role).filter(x -> role.equals(x.key()))
        .orElseThrow(() -> new InvalidParameter("role", "role " + KeySecrets.ROLE_RULE));
    return store.create(name, r, by);
  }

  public List<ApiKey> list() {
    return store.list();
  }

  public ApiKey get(String id) {
    return store.get(id);
  }

  public ApiKey revoke(String id) {
    return store.revoke(id);
  }

  public IssuedKey rotate(String id, String by) {
    return store.rotate(id, by);
  }
}
